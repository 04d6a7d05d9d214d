"""SQL helpers shared by the benchmarks (bulk inserts that bypass the ORM)."""

# Mandatory res_partner columns added by other modules (account's "autopost_bills"),
# with the value their ORM default gives.
PARTNER_MANDATORY = {"autopost_bills": "ask"}


def partner_extra_columns(cr):
    """{column: value} to add to a bulk INSERT INTO res_partner for the modules installed."""
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = 'res_partner' AND is_nullable = 'NO' AND column_default IS NULL""",
    )
    present = {row[0] for row in cr.fetchall()}
    return {column: value for column, value in PARTNER_MANDATORY.items() if column in present}
