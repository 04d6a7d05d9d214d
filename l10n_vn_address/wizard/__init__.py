from . import crm_vn_commune_import, crm_vn_province_migration
