import sys

from filmscrape.cli import main

sys.exit(main())
