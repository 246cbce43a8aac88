import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { expect, test, vi } from 'vitest'
import { DateField } from '@/features/timeline/date-field'
import { changeLanguage } from '@/lib/i18n'

/** One date filter as the filter bar has it, reporting every change of its day. */
function Harness({
  initial,
  onChange,
}: {
  initial: string | null
  onChange: (day: string | null) => void
}) {
  const [value, setValue] = useState(initial)
  return (
    <DateField
      label="Vanaf"
      value={value}
      onChange={(day) => {
        setValue(day)
        onChange(day)
      }}
      isInvalid={false}
    />
  )
}

function helperOf(label: string) {
  const id = screen.getByRole('group', { name: label }).getAttribute('aria-describedby') ?? ''
  return document.getElementById(id)?.textContent ?? ''
}

test(
  'the date filter writes the day in the app language, not the browser’s, and by keyboard',
  { timeout: 30_000 },
  async () => {
    await changeLanguage('nl')
    const onChange = vi.fn()
    const user = userEvent.setup()
    render(<Harness initial="2025-02-01" onChange={onChange} />)

    // Before first use: a stand-in with the day as the forms write it (their placeholder when empty).
    const standIn = screen.getByRole('textbox', { name: 'Vanaf' })
    expect(standIn).toHaveValue('01-02-2025')
    expect(standIn).toHaveAttribute('placeholder', 'DD-MM-JJJJ')

    // Reaching it by keyboard brings the forms' picker, which takes the focus on its day section.
    await user.tab()
    // The picker's chunk is imported (and transformed) on first use.
    const group = await screen.findByRole('group', { name: 'Vanaf' }, { timeout: 20_000 })
    expect(group).toHaveTextContent('01-02-2025')
    expect(screen.getAllByRole('spinbutton')[0]).toHaveFocus()
    expect(screen.getByRole('button', { name: /Kies datum/ })).toBeInTheDocument()

    await user.keyboard('15032025')
    expect(onChange).toHaveBeenLastCalledWith('2025-03-15')
  },
)

test(
  'a half-typed day keeps the filter and says what is missing, in the app language',
  { timeout: 30_000 },
  async () => {
    await changeLanguage('nl')
    const onChange = vi.fn()
    const user = userEvent.setup()
    render(<Harness initial={null} onChange={onChange} />)
    expect(screen.getByRole('textbox', { name: 'Vanaf' })).toHaveAttribute(
      'placeholder',
      'DD-MM-JJJJ',
    )

    await user.tab()
    await screen.findByRole('group', { name: 'Vanaf' }, { timeout: 20_000 })
    await user.keyboard('1503')
    await user.tab()
    expect(helperOf('Vanaf')).toBe('Onvolledige datum: vul dag, maand en jaar in')
    expect(onChange).not.toHaveBeenCalled()
  },
)
