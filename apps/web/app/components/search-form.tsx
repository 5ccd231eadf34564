import { Form, useNavigate } from '@remix-run/react';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useSearchSuggestions } from '../hooks/use-search-suggestions.js';
import { useBrowserValue } from '../lib/browser-value.js';
import {
  movedIndex,
  type SuggestionOption,
  suggestionOptions,
  suggestionsAnnouncement,
} from '../lib/suggestion-options.js';

interface SearchFormProps {
  /** Unique per page: the label points at the input by id. */
  id: string;
  defaultValue?: string;
  /** The header variant hides its label visually (it stays for screen readers). */
  compact?: boolean;
}

/**
 * A GET form to /search. Once JavaScript runs, its input becomes a combobox (WAI-ARIA 1.2
 * pattern, list autocomplete): suggestions appear as the reader types, Up and Down move
 * through them, Enter opens the chosen one (or submits what was typed), Escape closes the list
 * (or clears the box when it is closed), and a polite live region says what arrived. Without
 * JavaScript it is the plain search form.
 */
export function SearchForm({ id, defaultValue = '', compact = false }: SearchFormProps) {
  return (
    <Form
      method="get"
      action="/search"
      role="search"
      className={compact ? 'search-form search-form--compact' : 'search-form'}
    >
      <label htmlFor={id} className={compact ? 'visually-hidden' : undefined}>
        Search posts
      </label>
      <SearchInput id={id} defaultValue={defaultValue} />
      <button type="submit">Search</button>
    </Form>
  );
}

/**
 * One input element from the server's HTML on: hydration only adds the combobox's attributes,
 * list and live region, so a reader who starts typing before it keeps focus and text.
 */
function SearchInput({ id, defaultValue }: { id: string; defaultValue: string }) {
  const navigate = useNavigate();
  const enhanced = useBrowserValue(() => true, false);
  const listboxId = `${id}-suggestions`;
  const [value, setValue] = useState(defaultValue);
  // Suggestions are asked for what the reader typed, not for a value set by picking one.
  const [typed, setTyped] = useState('');
  const suggestions = useSearchSuggestions(typed);
  const options = useMemo(
    () => (suggestions === null ? [] : suggestionOptions(listboxId, suggestions)),
    [listboxId, suggestions],
  );
  // New suggestions open the list with no option active; both states belong to the answer
  // they were set for, so no effect has to reset them when the next one arrives.
  const [closed, setClosed] = useState<{ for: typeof suggestions }>({ for: null });
  const [activeState, setActiveState] = useState({ for: suggestions, index: -1 });
  const expanded = options.length > 0 && closed.for !== suggestions;
  const active = expanded && activeState.for === suggestions ? activeState.index : -1;
  const activeOption = options[active];
  const setOpen = (open: boolean) => setClosed({ for: open ? null : suggestions });
  const setActive = (index: number) => setActiveState({ for: suggestions, index });

  function choose(option: SuggestionOption) {
    setOpen(false);
    if (option.kind === 'query') setValue(option.label);
    navigate(option.href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      setOpen(true);
      setActive(movedIndex(active, options.length, event.key));
    } else if (event.key === 'Enter' && activeOption) {
      event.preventDefault();
      choose(activeOption);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (expanded) setOpen(false);
      else {
        setValue('');
        setTyped('');
      }
    }
  }

  return (
    <div className="search-combobox">
      <input
        id={id}
        type="search"
        name="q"
        value={value}
        placeholder="Search posts"
        onChange={(event) => {
          setValue(event.target.value);
          setTyped(event.target.value);
        }}
        {...(enhanced
          ? {
              autoComplete: 'off',
              role: 'combobox',
              'aria-autocomplete': 'list',
              'aria-expanded': expanded,
              'aria-controls': listboxId,
              'aria-activedescendant': activeOption?.id,
              onKeyDown,
              onBlur: () => setOpen(false),
            }
          : {})}
      />
      {enhanced ? (
        <>
          <ul id={listboxId} role="listbox" aria-label="Suggestions" hidden={!expanded}>
            {options.map((option, index) => (
              <li
                key={option.id}
                id={option.id}
                role="option"
                aria-selected={index === active}
                className={`search-combobox__option search-combobox__option--${option.kind}`}
                // On mouse down, not click: focus stays in the input, whose blur would close the list.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(option);
                }}
              >
                {option.kind === 'post' ? <span className="visually-hidden">Post: </span> : null}
                {option.label}
              </li>
            ))}
          </ul>
          <div id={`${id}-status`} role="status" aria-live="polite" className="visually-hidden">
            {suggestions === null ? '' : suggestionsAnnouncement(options)}
          </div>
        </>
      ) : null}
    </div>
  );
}
