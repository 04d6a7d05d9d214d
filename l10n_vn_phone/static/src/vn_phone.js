import { registry } from "@web/core/registry";
import { patch } from "@web/core/utils/patch";
import { CharField } from "@web/views/fields/char/char_field";
import { formatChar } from "@web/views/fields/formatters";
import { useInputField } from "@web/views/fields/input_field_hook";
import { PhoneField } from "@web/views/fields/phone/phone_field";

/**
 * Vietnamese numbers are stored in E.164 (+84912345678) and shown as Vietnamese staff read and dial them: the
 * national form (0912 345 678, 024 3812 3456), as tools/phone.py's format_vn_phone gives it for PDFs and Excel.
 * Other values are shown as they are. Display only: what is saved is what the user types (normalised by the server).
 */
export function formatVnPhone(value) {
    if (typeof value !== "string") {
        return value;
    }
    const match = /^\+84(\d{9,10})$/.exec(value);
    if (!match) {
        return value;
    }
    const digits = match[1];
    if (digits.length === 9) {
        // mobiles (and the few 9-digit numbers): 0912 345 678
        return `0${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
    }
    if (/^2[48]/.test(digits)) {
        // Hà Nội and Hồ Chí Minh City landlines: 024 3812 3456
        return `0${digits.slice(0, 2)} ${digits.slice(2, 6)} ${digits.slice(6)}`;
    }
    // other landlines: 0236 3812 345
    return `0${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
}

patch(PhoneField.prototype, {
    setup() {
        // PhoneField's own setup only binds the input to the value: bound here to the national form instead
        useInputField({ getValue: () => formatVnPhone(this.props.record.data[this.props.name] || "") });
    },
    get vnPhone() {
        return formatVnPhone(this.props.record.data[this.props.name] || "");
    },
});

patch(CharField.prototype, {
    get formattedValue() {
        return formatVnPhone(super.formattedValue);
    },
});

// lists: a char column without widget
const formatters = registry.category("formatters");
const formatCharVn = (value, options) => formatVnPhone(formatChar(value, options));
formatCharVn.extractOptions = formatChar.extractOptions;
formatters.add("char", formatCharVn, { force: true });
