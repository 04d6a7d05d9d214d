import { FormController } from "@web/views/form/form_controller";
import { patch } from "@web/core/utils/patch";

/**
 * A customer under a duplicate warning is saved by its Save button only: leaving the form (breadcrumb, menu, back
 * button), reloading or closing the tab, or the phone app going to the background throws it away instead of letting
 * Odoo's autosave create a second customer (or the same one twice).
 */
export function underDuplicateWarning(record) {
    return Boolean(
        record &&
            record.resModel === "res.partner" &&
            record.dirty !== undefined &&
            (record.isNew || record.dirty) &&
            (record.data.vn_duplicate_candidates || []).length
    );
}

patch(FormController.prototype, {
    async beforeLeave() {
        if (underDuplicateWarning(this.model.root)) {
            await this.model.root.discard();
            return true;
        }
        return super.beforeLeave(...arguments);
    },
    async beforeUnload(ev) {
        if (underDuplicateWarning(this.model.root)) {
            return;
        }
        return super.beforeUnload(...arguments);
    },
    beforeVisibilityChange() {
        if (underDuplicateWarning(this.model.root)) {
            return;
        }
        return super.beforeVisibilityChange(...arguments);
    },
});
