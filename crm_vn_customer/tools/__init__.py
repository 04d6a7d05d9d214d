from . import names, phone
