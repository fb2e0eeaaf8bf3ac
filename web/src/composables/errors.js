// Shows API failures to the person: a message for the page, or an error beside the form field
// the server named. Nothing is swallowed: every caught error ends here or in a field.
import { reactive, ref } from 'vue';
import { ElMessage } from 'element-plus';
import { ApiError } from '../api/client.js';
import { i18n } from '../i18n/index.js';

// The text for an error in the current language, chosen by its code: first a wording for the
// code on its field (errors.fields.<field's last part>.<code>), then one for the code
// (errors.code.<code>); the server's own message only when neither exists.
export function errorText(err) {
  const { t, te } = i18n.global;
  if (err instanceof ApiError) {
    if (err.status === 0) return t('errors.network');
    const field = err.field ? err.field.split('.').pop().replace(/\[\d+\]$/, '') : '';
    const byField = `errors.fields.${field}.${err.code}`;
    if (field && te(byField)) return t(byField, { message: err.message });
    const key = `errors.code.${err.code}`;
    if (te(key)) return t(key, { message: err.message });
    return err.message;
  }
  return (err && err.message) || String(err);
}

export function showError(err) {
  // eslint-disable-next-line no-console
  console.error(err);
  ElMessage({ type: 'error', message: errorText(err), showClose: true, duration: 6000 });
}

// Field errors for a form. `apply(err)` puts an API error beside its field when the form has
// that field (server names such as "org.credit_code" or "budget.min_cny" map through
// `aliases` or their first part) and otherwise shows it as a message. `submit(action)` sends the
// form: it clears the errors, keeps `busy` true while the async action runs, applies a failure,
// and resolves true when the action succeeded.
export function useFieldErrors(fields, aliases = {}) {
  const errors = reactive(Object.fromEntries(fields.map((f) => [f, ''])));
  function clear() {
    for (const k of Object.keys(errors)) errors[k] = '';
  }
  function apply(err) {
    clear();
    if (err instanceof ApiError && err.field) {
      const name = aliases[err.field] || err.field;
      const target = name in errors ? name : name.split('.')[0];
      if (target in errors) {
        errors[target] = errorText(err);
        return;
      }
    }
    showError(err);
  }
  const busy = ref(false);
  async function submit(action) {
    clear();
    busy.value = true;
    try {
      await action();
      return true;
    } catch (e) {
      apply(e);
      return false;
    } finally {
      busy.value = false;
    }
  }
  return { errors, apply, clear, busy, submit };
}
