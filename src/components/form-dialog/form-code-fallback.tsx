import { Suspense, lazy } from 'react'
import type { FormLoadingDialogProps } from '@/components/form-dialog/form-loading-dialog'

const loadLoadingDialog = () => import('@/components/form-dialog/form-loading-dialog')
const FormLoadingDialog = lazy(() =>
  loadLoadingDialog().then((module) => ({ default: module.FormLoadingDialog })),
)

/** Fetch the loading dialog with the form code (on intent), so it is there if a click wins. */
export function preloadFormCodeFallback(): void {
  void loadLoadingDialog()
}

/**
 * What a lazily loaded form dialog shows while its code downloads: the loading dialog, itself a
 * small chunk (MUI's Dialog, Modal and focus trap stay out of the first page load) that arrives
 * long before the form's own code does.
 */
export function FormCodeFallback(props: Pick<FormLoadingDialogProps, 'title' | 'onClose'>) {
  return (
    <Suspense fallback={null}>
      <FormLoadingDialog {...props} />
    </Suspense>
  )
}
