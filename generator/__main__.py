"""``python -m generator`` runs the command line, as the ``zi-plan`` script does."""

from generator.console import main

main()
