import { registry } from "@web/core/registry";

// On a phone, a salesperson opens the Dashboards app: their dashboard is the one shown, as figures (six key figures
// and four charts); it is the only one they have (the list does not even open).
registry.category("web_tour.tours").add("crm_vn_dashboard_mobile_open", {
    url: "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action",
    steps: () => [
        {
            trigger: ".o_mobile_dashboard .o_search_panel_current_selection:contains(Khách hàng của tôi)",
            content: "My Customers is open",
        },
        {
            trigger: ".o_mobile_dashboard:not(:has(.dashboard-loading-status))",
            content: "loaded without error",
        },
        {
            trigger: ".o_mobile_dashboard:has(canvas.o-scorecard:eq(5)):has(.o-chart-container:eq(9))",
            content: "six key figures and four charts",
        },
    ],
});

// A sales manager logs in: the Sales Teams dashboard is what they see first.
registry.category("web_tour.tours").add("crm_vn_dashboard_manager_lands_on_sales_teams", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_spreadsheet_dashboard_action .o_search_panel_category_value.active:contains(Đội kinh doanh)",
            content: "The Sales Teams dashboard is open",
        },
    ],
});
