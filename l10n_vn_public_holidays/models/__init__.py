from . import res_company, resource_calendar_leaves
