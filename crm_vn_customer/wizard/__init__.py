from . import (
    base_partner_merge_automatic_wizard,
    crm_lead2opportunity_partner,
    crm_lead2opportunity_partner_mass,
    crm_vn_customer_handover,
    mail_compose_message,
)
