'use client';

import { useState } from 'react';

/**
 * A key that changes with every action result. Giving it to a <form> remounts
 * its inputs, so that their defaultValue (what the user typed, sent back by a
 * failed action; or the saved record after a success) is applied again after
 * React 19 has reset the form.
 */
export function useFormKey(state: unknown): number {
  const [seen, setSeen] = useState(state);
  const [key, setKey] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setKey(key + 1);
  }
  return key;
}
