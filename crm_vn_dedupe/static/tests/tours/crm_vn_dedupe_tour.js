import { registry } from "@web/core/registry";

// On a phone, a salesperson types a customer a colleague already owns: the form's warning asks the owner for a
// hand-over instead of saving a second customer.
registry.category("web_tour.tours").add("crm_vn_dedupe_form_ask_handover", {
    url: "/odoo/action-crm_vn_customer.res_partner_action_customer",
    steps: () => [
        {
            trigger: ".o_kanban_view",
            content: "The customers",
        },
        {
            trigger: ".o_control_panel .o-kanban-button-new",
            content: "Create a customer",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input, .o_field_widget[name=name] textarea",
            content: "Type the customer's name, without diacritics",
            run: "edit Nguyen Van Trung && click body",
        },
        {
            trigger: ".o_field_widget[name=mobile] input",
            content: "Type the number the customer gave",
            run: "edit 0912 777 888 && click body",
        },
        {
            trigger: ".o_vn_duplicate_candidate:contains(Nguyễn Văn Trung) .o_vn_duplicate_ask",
            content: "The colleague's customer is named, its number masked: ask for it",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=note] input",
            content: "The quick check opens with what was typed: add a word for the owner",
            run: "edit Gặp ở hội chợ && click .modal-title",
        },
        {
            trigger: ".modal button[name=action_ask_owner]",
            content: "Ask the owner",
            run: "click",
        },
        {
            trigger: ".o_notification .bg-success, .o_notification_bar.bg-success",
            content: "The request is sent",
        },
        {
            trigger: "body:not(:has(.modal)) .o_kanban_view",
            content: "Back to the customers by itself: the customer typed is thrown away, nothing to discard",
        },
    ],
});

// Typed, warned, then left without pressing Save: by the breadcrumb, by reloading the page, or the phone putting the
// app in the background. Odoo's autosave would create the customer (twice on a reload); under a duplicate warning
// it is thrown away.
registry.category("web_tour.tours").add("crm_vn_dedupe_form_leave_unsaved", {
    url: "/odoo/action-crm_vn_customer.res_partner_action_customer",
    steps: () => [
        {
            trigger: ".o_kanban_view",
            content: "The customers",
        },
        {
            trigger: ".o_control_panel .o-kanban-button-new",
            content: "Create a customer",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input, .o_field_widget[name=name] textarea",
            content: "Type the customer's name, without diacritics",
            run: "edit Nguyen Van Trung && click body",
        },
        {
            trigger: ".o_field_widget[name=mobile] input",
            content: "Type the number the customer gave",
            run: "edit 0912 777 888 && click body",
        },
        {
            trigger: ".o_vn_duplicate_candidate:contains(Nguyễn Văn Trung)",
            content: "Warned",
        },
        {
            trigger: ".o_vn_duplicate_candidate",
            content: "The phone puts the app in the background",
            run() {
                Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
                document.dispatchEvent(new Event("visibilitychange"));
                Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
            },
        },
        {
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb .breadcrumb-item a, .o_back_button",
            content: "Leave by the breadcrumb",
            run: "click",
        },
        {
            trigger: ".o_kanban_view",
            content: "Back to the customers",
        },
        {
            trigger: ".o_control_panel .o-kanban-button-new",
            content: "Create a customer again",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input, .o_field_widget[name=name] textarea",
            content: "Type the same customer",
            run: "edit Nguyen Van Trung && click body",
        },
        {
            trigger: ".o_field_widget[name=mobile] input",
            content: "and the same number",
            run: "edit 0912 777 888 && click body",
        },
        {
            trigger: ".o_vn_duplicate_candidate:contains(Nguyễn Văn Trung)",
            content: "Warned again; then the page is reloaded",
            run() {
                window.location.reload();
            },
        },
        {
            trigger: ".o_action_manager .o_form_view, .o_action_manager .o_kanban_view",
            content: "The page is back, the customer typed is not",
        },
    ],
});

// A customer the salesperson may read opens in a dialog, the customer being typed stays unsaved.
registry.category("web_tour.tours").add("crm_vn_dedupe_form_open_duplicate", {
    url: "/odoo/action-crm_vn_customer.res_partner_action_customer",
    steps: () => [
        {
            trigger: ".o_kanban_view",
            content: "The customers",
        },
        {
            trigger: ".o_control_panel .o-kanban-button-new",
            content: "Create a customer",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input, .o_field_widget[name=name] textarea",
            content: "Type the customer's name",
            run: "edit Tran Thi Own && click body",
        },
        {
            trigger: ".o_field_widget[name=email] input",
            content: "Type the customer's email",
            run: "edit OWN.TRAN@example.vn && click body",
        },
        {
            trigger: ".o_vn_duplicate_candidate:contains(Trần Thị Own) .o_vn_duplicate_open",
            content: "Open the existing customer",
            run: "click",
        },
        {
            trigger: ".modal .o_form_view .o_field_widget[name=email] input:value(own.tran@example.vn)",
            content: "The existing customer is shown in a dialog",
        },
        {
            trigger: ".modal .btn-close",
            content: "Close it",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_form_button_cancel",
            content: "Leave the customer being typed unsaved",
            run: "click",
        },
        {
            trigger: ".o_kanban_view",
            content: "Back to the customers",
        },
    ],
});

// The quick check from the menu, on a phone: a salesperson checks a walk-in customer's number before typing a
// profile, finds a colleague's customer and asks the owner for it.
registry.category("web_tour.tours").add("crm_vn_dedupe_mobile_quick_check", {
    url: "/odoo/action-crm_vn_dedupe.crm_vn_customer_check_action",
    steps: () => [
        {
            trigger: ".o_field_widget[name=name] input",
            content: "The customer's name as said",
            run: "edit Trung Nguyen && click body",
        },
        {
            trigger: ".o_field_widget[name=mobile] input",
            content: "The number, with the old 11-digit prefix",
            run: "edit 0912.777.888 && click body",
        },
        {
            trigger: ".alert-warning .o_field_widget[name=duplicate_html]:contains(Nguyễn Văn Trung)",
            content: "A colleague's customer",
        },
        {
            trigger: ".o_field_widget[name=note] input",
            content: "A word for the owner",
            run: "edit Khách quay lại cửa hàng && click body",
        },
        {
            trigger: "button[name=action_ask_owner]",
            content: "Ask the owner",
            run: "click",
        },
        {
            trigger: ".o_notification .bg-success, .o_notification_bar.bg-success",
            content: "The request is sent",
        },
    ],
});
