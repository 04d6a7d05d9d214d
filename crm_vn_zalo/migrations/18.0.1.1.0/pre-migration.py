"""18.0.1.1.0: events keep their company (they were inserted without it) and their idempotency keys hashed."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """UPDATE crm_vn_zalo_event e SET company_id = a.company_id
             FROM crm_vn_zalo_account a
            WHERE a.id = e.account_id AND e.company_id IS NULL"""
    )
    cr.execute(
        """UPDATE crm_vn_zalo_event SET event_key = encode(sha256(convert_to(event_key, 'UTF8')), 'hex')
            WHERE event_key !~ '^[0-9a-f]{64}$'"""
    )
