import { useMemo, useState, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { searchPlaces, type NamedPlace } from '../../../core/rules/place-names.ts';
import './place-combo.css';

/** A phone screen shows this many suggestions under the field without scrolling. */
const SHOWN = 8;

/**
 * Pick a place by typing its name: "ha noi", "hanoi" or "Hà Nội" all find Thành phố Hà Nội
 * (core's `searchPlaces`). A combobox (WAI-ARIA 1.2 pattern): the suggestions are a listbox under
 * the field; arrow keys move, Enter picks, Escape closes. The value is the picked place's code;
 * typing again clears it until a suggestion is picked.
 *
 * Shared by the citizens' pages (Preact through `preact/compat`) and the officials' application
 * (React): each wraps it in its own labelled field and passes that field's attributes and words.
 */
export function PlaceCombo(props: {
  /** The field's attributes (id, aria-describedby, aria-invalid) from the caller's label wrapper. */
  attrs: InputHTMLAttributes<HTMLInputElement>;
  items: readonly NamedPlace[];
  loading: boolean;
  value: string;
  onChange: (code: string) => void;
  disabled?: boolean | undefined;
  /** How a place reads in the list and the field (the caller's language); its full name otherwise. */
  label?: (p: NamedPlace) => string;
  placeholder: string;
  noMatch: string;
  testId: string;
}) {
  const { items, value, onChange } = props;
  const label = props.label ?? ((p: NamedPlace) => p.fullName);
  const picked = items.find((p) => p.code === value);
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = text ?? (picked ? label(picked) : '');
  const matches = useMemo(() => searchPlaces(items, text ?? '', SHOWN), [items, text]);
  const listId = `${props.testId}-options`;

  const pick = (p: NamedPlace) => {
    onChange(p.code);
    setText(null);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (matches.length ? (i + step + matches.length) % matches.length : 0));
    } else if (e.key === 'Enter' && open && matches[active]) {
      e.preventDefault();
      pick(matches[active]!);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="combo">
      <input
        {...props.attrs}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && matches[active] ? `${listId}-${matches[active].code}` : undefined}
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        disabled={props.disabled}
        value={shown}
        placeholder={props.placeholder}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          if (value) onChange('');
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          // Typed to the point where one place is left: that is the one meant.
          if (text !== null && text.trim() && matches.length === 1) pick(matches[0]!);
          else setOpen(false);
        }}
        onKeyDown={onKeyDown}
        data-testid={props.testId}
      />
      {open && !props.loading && (
        <ul id={listId} role="listbox" className="combo-list" data-testid={`${props.testId}-options`}>
          {matches.map((p, i) => (
            <li
              key={p.code}
              id={`${listId}-${p.code}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // Before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
              data-code={p.code}
            >
              {label(p)}
            </li>
          ))}
          {matches.length === 0 && <li className="combo-none">{props.noMatch}</li>}
        </ul>
      )}
    </div>
  );
}
