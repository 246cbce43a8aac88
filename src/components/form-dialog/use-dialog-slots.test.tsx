import { act, renderHook, waitFor } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { useDialogSlots } from '@/components/form-dialog/use-dialog-slots'

const wait = (ms: number) =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms))
  })

test('a journaled dialog frees the open request once the frame is painted, and stays mounted', async () => {
  const request = { name: 'log' }
  const onClose = vi.fn()
  const { result } = renderHook(() => useDialogSlots(request, onClose))
  act(() => {
    result.current.journaled(request)
  })
  // Not inside the click: the host re-renders for the freed request after the card's frame.
  expect(onClose).not.toHaveBeenCalled()
  await waitFor(() => {
    expect(onClose).toHaveBeenCalledTimes(1)
  })
  expect(result.current.slots).toMatchObject([{ request, isCurrent: false }])
})

test('an answer that comes before that frame wins: the late release does nothing', async () => {
  const request = { name: 'log' }
  const onClose = vi.fn()
  const { result } = renderHook(() => useDialogSlots(request, onClose))
  act(() => {
    result.current.journaled(request)
    result.current.finish(request)
  })
  expect(onClose).toHaveBeenCalledTimes(1)
  // Past the frame and the hidden-tab fallback the release waits for.
  await wait(250)
  expect(onClose).toHaveBeenCalledTimes(1)
  // Not added back as a hidden dialog waiting for an answer that has already come.
  expect(result.current.slots.filter((slot) => !slot.isCurrent)).toEqual([])
})
