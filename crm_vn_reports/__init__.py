from . import controllers, models, report, wizard


def post_init_hook(env):
    """The analytics with the demo orders (loaded after the views were created)."""
    env["crm.vn.analytics.snapshot"]._cron_refresh_analytics()
