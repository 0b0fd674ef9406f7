"""The console entry point of ``zi-plan`` and ``python -m generator``.

Ctrl+C at any moment, even while the modules are still loading (the first 0.1 s), ends
with "Dibatalkan." and exit code 130, never a traceback: nothing but ``sys`` is imported
before the ``try``.
"""

import gc
import sys

INTERRUPTED = 130  # the shell's code for a program ended by Ctrl+C (128 + SIGINT)


def main() -> None:
    try:
        # The modules' objects live as long as the process: the collector would walk them
        # a hundred times while they load and once more, fully (20 ms), during a build.
        gc.disable()
        try:
            from generator.cli.app import main as run
        finally:
            gc.freeze()  # later collections leave the loaded modules alone
            gc.enable()
        run()
    except KeyboardInterrupt:
        cancelled()


def cancelled() -> None:
    """Says so on stderr and exits 130; a second Ctrl+C meanwhile changes nothing."""
    try:
        sys.stderr.write("\nDibatalkan.\n")
        sys.stderr.flush()
    except (KeyboardInterrupt, OSError):
        pass
    sys.exit(INTERRUPTED)
