{
    "name": "Vietnam - Public Holidays",
    "summary": "Vietnamese public holidays (Tết and Hùng Kings' day from the lunar calendar, days in lieu) written "
    "as time off of the working calendars, every year",
    "version": "18.0.1.0.0",
    "category": "Localization",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["resource"],
    "data": ["data/ir_cron_data.xml", "views/resource_calendar_views.xml"],
    "post_init_hook": "post_init_hook",
    "installable": True,
}
