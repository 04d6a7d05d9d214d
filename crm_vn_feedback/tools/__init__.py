from . import holidays, lunar
