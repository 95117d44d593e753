import { PlaceCombo } from '../ui/place-combo.tsx';
import { Field } from './form.tsx';
import { useT } from './i18n/index.ts';
import type { PlaceList } from './places.ts';

/** The shared place combobox (web/src/ui/place-combo.tsx) in a citizens' form field. */
export function PlacePicker(props: {
  /** The server's path for the field (errors land under it). */
  name: string;
  label: string;
  list: PlaceList;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  disabled?: boolean;
  testId: string;
}) {
  const t = useT();
  const { list } = props;
  const hint = list.loading ? t('app.loading') : t('address.typeName');
  return (
    <Field name={props.name} label={props.label} hint={hint} error={props.error}>
      {(a) => (
        <PlaceCombo
          attrs={a}
          items={list.items}
          loading={list.loading}
          value={props.value}
          onChange={props.onChange}
          disabled={props.disabled || list.failed}
          placeholder={t('address.typePlaceholder')}
          noMatch={t('address.noMatch')}
          testId={props.testId}
        />
      )}
    </Field>
  );
}
