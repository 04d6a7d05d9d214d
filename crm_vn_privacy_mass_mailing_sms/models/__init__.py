from . import mailing_mailing, mailing_trace
