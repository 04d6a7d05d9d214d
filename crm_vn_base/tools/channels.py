"""The channels through which the company and its customers reach each other: one vocabulary for the suite.

Every field that names a channel (a feedback's channel, a customer's preferred channel, how a data request or a
consent came, where a marketing message went) takes its choices from here, by code, so that "a phone call" is
``call`` everywhere (the consent's contract) and reports can compare channels across models.

Pure Python.
"""

CHANNELS = {
    "call": "Phone call",
    "sms": "SMS",
    "email": "Email",
    "zalo": "Zalo",
    "facebook": "Facebook",
    "web": "Website or portal",
    "in_person": "In person",
    "paper": "Letter or paper form",
    "other": "Other",
}
# Codes of earlier versions, moved by the add-ons' migrations.
RENAMED = {"phone": "call", "messenger": "facebook", "website": "web", "store": "in_person"}


def channel_selection(*codes):
    """The selection of ``codes``, in that order, labelled as everywhere else."""
    return [(code, CHANNELS[code]) for code in codes]
