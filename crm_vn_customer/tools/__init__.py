from . import names
