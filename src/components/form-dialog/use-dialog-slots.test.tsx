import { act, renderHook, waitFor } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { useDialogSlots } from '@/components/form-dialog/use-dialog-slots'

const wait = (ms: number) =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms))
  })

test('a journaled dialog frees the open request just after the event, and stays mounted', async () => {
  const request = { name: 'log' }
  const onClose = vi.fn()
  const { result } = renderHook(() => useDialogSlots(request, onClose))
  act(() => {
    result.current.journaled(request)
  })
  // Not inside the submit event: the host re-renders for the freed request just after it.
  expect(onClose).not.toHaveBeenCalled()
  await waitFor(() => {
    expect(onClose).toHaveBeenCalledTimes(1)
  })
  expect(result.current.slots).toMatchObject([{ request, isCurrent: false }])
})

test('a dialog finished in the same event is not released after it', async () => {
  const request = { name: 'log' }
  const onClose = vi.fn()
  const { result } = renderHook(() => useDialogSlots(request, onClose))
  act(() => {
    result.current.journaled(request)
    result.current.finish(request)
  })
  expect(onClose).toHaveBeenCalledTimes(1)
  await wait(50)
  expect(onClose).toHaveBeenCalledTimes(1)
  // Not added back as a hidden dialog waiting for an answer that has already come.
  expect(result.current.slots.filter((slot) => !slot.isCurrent)).toEqual([])
})
