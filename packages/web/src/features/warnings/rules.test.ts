import { describe, expect, it } from 'vitest'
import { thresholdInput } from './rules.ts'

describe('a threshold as typed in the rule editor', () => {
  it.each([
    ['20', 20],
    [' 1.5 ', 1.5],
    ['-3', -3], // sent as a number: the server says it is negative, on the field
    ['', null],
    ['abc', 'abc'], // sent as text: the server says it is not a number
    ['20%', '20%'],
  ] as const)('%j → %j', (text, sent) => expect(thresholdInput(text)).toBe(sent))
})
