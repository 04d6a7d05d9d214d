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

// On a phone, the sales manager hands over the customers of a salesperson who is leaving.
registry.category("web_tour.tours").add("crm_vn_customer_mobile_handover", {
    url: "/odoo/action-crm_vn_customer.crm_vn_customer_handover_action",
    steps: () => [
        {
            trigger: ".o_field_widget[name=from_user_ids] input",
            content: "Who leaves",
            run: "click",
        },
        {
            trigger: ".modal:last-child .o_control_panel button:has(.fa-search)",
            content: "Search the salespeople",
            run: "click",
        },
        {
            trigger: ".modal:last-child .o_searchview_input",
            content: "Type the name",
            run: "edit Tuấn Nghỉ Việc && press Enter",
        },
        {
            trigger: ".modal:last-child .o_kanban_record:contains(Tuấn Nghỉ Việc)",
            content: "Pick them",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=from_user_ids] .o_tag:contains(Tuấn Nghỉ Việc)",
            content: "Picked",
        },
        {
            trigger: ".o_field_widget[name=to_user_ids] input",
            content: "Who takes over",
            run: "click",
        },
        {
            trigger: ".modal:last-child .o_control_panel button:has(.fa-search)",
            content: "Search the salespeople",
            run: "click",
        },
        {
            trigger: ".modal:last-child .o_searchview_input",
            content: "Type the name",
            run: "edit Lan Ở Lại && press Enter",
        },
        {
            trigger: ".modal:last-child .o_kanban_record:contains(Lan Ở Lại)",
            content: "Pick them",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=customer_count]:contains(3)",
            content: "Three customers will be handed over",
        },
        {
            trigger: "button[name=action_confirm]",
            content: "Hand over",
            run: "click",
        },
        {
            trigger: "body:not(:has(.o_field_widget[name=from_user_ids]))",
            content: "Done",
        },
    ],
});
