import { registry } from "@web/core/registry";

// A salesperson on a phone creates a customer from the Customer Profiles menu,
// typing the old 11-digit mobile number read from a paper notebook.
registry.category("web_tour.tours").add("crm_vn_customer_mobile_create", {
    url: "/odoo/action-crm_vn_customer.res_partner_action_customer",
    steps: () => [
        {
            trigger: ".o_kanban_view",
            content: "The customer list opens as cards on a phone",
        },
        {
            trigger: ".o_control_panel .o-kanban-button-new",
            content: "Create a customer",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input, .o_field_widget[name=name] textarea",
            content: "Type the customer's name",
            run: "edit Phan Thị Di Động",
        },
        {
            trigger: ".o_field_widget[name=mobile] input",
            content: "Type the old mobile number",
            run: "edit 0162 345 6789",
        },
        {
            trigger: ".o_notebook .nav-link[name=crm_vn_profile]",
            content: "Open the customer profile tab",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=occupation] input",
            content: "Type the occupation",
            run: "edit Giáo viên",
        },
        {
            trigger: ".o_form_button_save",
            content: "Save the customer",
            run: "click",
        },
        {
            trigger: ".o_form_readonly, .o_form_saved",
            content: "The customer is saved",
        },
    ],
});
