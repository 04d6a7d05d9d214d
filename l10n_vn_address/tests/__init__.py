from . import test_communes, test_communes_official, test_provinces
