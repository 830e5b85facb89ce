"""Small pure helpers shared by adapters, each tested on its own."""
