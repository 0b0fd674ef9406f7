"""zi-plan init: new workbooks a Pokja can fill without help, or next year's from this year's."""

from generator.init.next_year import roll_forward
from generator.init.write import init_workbooks

__all__ = ["init_workbooks", "roll_forward"]
