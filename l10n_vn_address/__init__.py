from . import models, wizard
from .hooks import post_init_hook
