from . import test_import_encoding
