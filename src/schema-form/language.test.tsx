import { act, screen } from '@testing-library/react'
import i18next from 'i18next'
import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { expect, test } from 'vitest'
import { renderSchemaForm } from '@/schema-form/render-schema-form.test-helpers'

const schema = {
  type: 'object',
  properties: { name: { type: 'string', minLength: 1, title: 'Name' } },
  required: ['name'],
}

test('the form follows the app language from react-i18next, errors included', async () => {
  // The engine brings its own texts: the app's i18next needs no resources for it.
  const i18n = i18next.createInstance()
  await i18n.init({ lng: 'en', resources: {} })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
  )
  const { user } = renderSchemaForm({ schema, wrapper })
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveAccessibleDescription('Required')
  await act(async () => {
    await i18n.changeLanguage('nl-NL')
  })
  expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveAccessibleDescription('Verplicht')
})

test('without any i18n the engine speaks English', async () => {
  const { user } = renderSchemaForm({ schema })
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveAccessibleDescription('Required')
})
