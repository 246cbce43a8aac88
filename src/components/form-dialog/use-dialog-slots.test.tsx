import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { Suspense, use, useLayoutEffect, useState } from 'react'
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
  // Not inside the submit event: the page re-renders for the freed request after the frame.
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
  // Past the frame and the hidden-tab fallback the release waits for.
  await wait(250)
  expect(onClose).toHaveBeenCalledTimes(1)
  // Not added back as a hidden dialog waiting for an answer that has already come.
  expect(result.current.slots.filter((slot) => !slot.isCurrent)).toEqual([])
})

// The release is a transition, and a transition can wait (e.g. on something its render suspends
// on). A click that opens the next dialog meanwhile renders on what is committed: the journaled
// dialog must be in the list then too, or it unmounts and its form (kept for a refusal) is lost.
test('a journaled dialog stays mounted while its release waits and the next dialog opens', async () => {
  const first = { name: 'first' }
  const second = { name: 'second' }
  const never = new Promise<never>(() => undefined)
  let slots: readonly { request: object; isCurrent: boolean }[] = []
  let journaled: (item: object) => void = () => undefined
  let open: (item: object) => void = () => undefined
  function Waits() {
    use(never)
    return null
  }
  function Host() {
    const [request, setRequest] = useState<object | null>(first)
    // The page's own re-render for the freed request waits (it suspends).
    const [isReleased, setReleased] = useState(false)
    const dialogSlots = useDialogSlots(request, () => {
      setRequest(null)
      setReleased(true)
    })
    journaled = dialogSlots.journaled
    open = setRequest
    // What is on the screen: the committed render, not one React tried and set aside.
    useLayoutEffect(() => {
      slots = dialogSlots.slots
    })
    return isReleased ? <Waits /> : <p>kept</p>
  }
  render(
    <Suspense fallback={null}>
      <Host />
    </Suspense>,
  )
  // The release starts, and waits.
  await act(async () => {
    journaled(first)
    await Promise.resolve()
  })
  // Still the page as it was: the release has not been committed.
  expect(screen.getByText('kept')).toBeInTheDocument()
  await act(async () => {
    open(second)
    await Promise.resolve()
  })
  expect(slots).toMatchObject([
    { request: first, isCurrent: false },
    { request: second, isCurrent: true },
  ])
})
