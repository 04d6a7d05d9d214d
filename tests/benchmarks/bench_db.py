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


def bench_salesperson(env, login, name):
    """The salesperson ``login`` (group own documents only), created the first time."""
    Users = env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True)
    found = Users.search([("login", "=", login)])
    group = env.ref("sales_team.group_sale_salesman")
    return found or Users.create({"login": login, "name": name, "groups_id": [(6, 0, group.ids)]})


def bench_team(env, name, leader, members=()):
    """The sales team ``name`` led by ``leader`` with ``members``, created or completed."""
    team = env["crm.team"].search([("name", "=", name)]) or env["crm.team"].create({"name": name, "user_id": leader.id})
    Member = env["crm.team.member"]
    for user in members:
        if not Member.search([("user_id", "=", user.id), ("crm_team_id", "=", team.id)]):
            Member.create({"user_id": user.id, "crm_team_id": team.id})
    return team
