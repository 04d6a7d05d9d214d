from . import mailing_mailing
