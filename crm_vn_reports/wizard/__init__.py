from . import crm_vn_performance_report_wizard, crm_vn_xlsx_export
