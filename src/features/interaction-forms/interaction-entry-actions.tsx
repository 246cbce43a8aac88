import DeleteOutlined from '@mui/icons-material/DeleteOutlined'
import EditOutlined from '@mui/icons-material/EditOutlined'
import Button from '@mui/material/Button'
import type { TimelineItem } from '@/mutations/overlay'
import { canChange } from '@/features/interaction-forms/interaction-dialog-requests'
import { preloadInteractionForms } from '@/features/interaction-forms/interaction-dialog-host'
import { useInteractionFormsTranslation } from '@/features/interaction-forms/messages'

type InteractionEntryActionsProps = {
  item: TimelineItem
  onEdit: (item: TimelineItem) => void
  onDelete: (item: TimelineItem) => void
}

/** Edit and Delete on a timeline card (also on a pending one; not while its delete is pending). */
export function InteractionEntryActions({ item, onEdit, onDelete }: InteractionEntryActionsProps) {
  const { t } = useInteractionFormsTranslation()
  if (!canChange(item)) return null
  return (
    <>
      <Button
        size="small"
        startIcon={<EditOutlined />}
        onClick={() => {
          onEdit(item)
        }}
        onPointerEnter={preloadInteractionForms}
        onFocus={preloadInteractionForms}
      >
        {t('actions.edit')}
      </Button>
      <Button
        size="small"
        color="error"
        startIcon={<DeleteOutlined />}
        onClick={() => {
          onDelete(item)
        }}
        onPointerEnter={preloadInteractionForms}
        onFocus={preloadInteractionForms}
      >
        {t('actions.delete')}
      </Button>
    </>
  )
}

type ResubmitButtonProps = { onClick: () => void }

/** "Edit & resubmit" for a change that failed or could not be sent. */
export function ResubmitButton({ onClick }: ResubmitButtonProps) {
  const { t } = useInteractionFormsTranslation()
  return (
    <Button
      size="small"
      variant="outlined"
      startIcon={<EditOutlined />}
      onClick={onClick}
      onPointerEnter={preloadInteractionForms}
      onFocus={preloadInteractionForms}
    >
      {t('actions.editAndResubmit')}
    </Button>
  )
}
