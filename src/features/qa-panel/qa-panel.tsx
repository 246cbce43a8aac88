import CloseIcon from '@mui/icons-material/Close'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Divider from '@mui/material/Divider'
import FormHelperText from '@mui/material/FormHelperText'
import IconButton from '@mui/material/IconButton'
import Slider from '@mui/material/Slider'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useMockScenario, type MockControlPort, type MockScenario } from '@/config/mock-control'
import { NumberDraftField } from '@/features/qa-panel/number-draft-field'
import { ReadErrorsControl } from '@/features/qa-panel/read-errors-control'
import { ResetDataButton } from '@/features/qa-panel/reset-data-button'
import { ScenarioLink } from '@/features/qa-panel/scenario-link'
import { ToggleRow } from '@/features/qa-panel/toggle-row'
import { useQueuedCount } from '@/features/qa-panel/use-queued-count'
import { addLazyStrings } from '@/lib/i18n'
import { qaPanelEn } from '@/lib/locales/qa-panel-en'
import { qaPanelNl } from '@/lib/locales/qa-panel-nl'

// The drawer's strings travel with its chunk (the first load has only the button's label).
addLazyStrings({ en: { qa: qaPanelEn }, nl: { qa: qaPanelNl } })

/** The mock accepts up to six digits of milliseconds in a scenario link. */
const MAX_MS = 999_999

type QaPanelProps = {
  control: MockControlPort
  onClose: () => void
}

/**
 * Every knob of the mock backend's scenario, applied at once and mirrored into the URL: engine
 * latency and failures, stuck queue, events on/off, a lost write response, failing reads, a slow
 * first schema; plus a link to reproduce it all, and a data reset.
 */
export function QaPanel({ control, onClose }: QaPanelProps) {
  const { t } = useTranslation()
  const scenario = useMockScenario(control) ?? control.getScenario()
  const queued = useQueuedCount(control)
  const failureHintId = useId()
  const failureLabelId = useId()

  function set(patch: Partial<MockScenario>) {
    control.setScenario(patch)
  }
  function handleDefaults() {
    control.setScenario(control.defaultScenario())
  }

  return (
    <Box sx={{ p: 3 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h5" component="h2">
          {t('qa.title')}
        </Typography>
        <IconButton onClick={onClose} aria-label={t('qa.close')}>
          <CloseIcon />
        </IconButton>
      </Stack>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        {t('qa.intro')}
      </Typography>

      <Group title={t('qa.engine')}>
        <NumberDraftField
          label={t('qa.latency')}
          hint={t('qa.latencyHint')}
          value={scenario.latencyMs}
          min={0}
          max={MAX_MS}
          step={100}
          onChange={(latencyMs) => {
            set({ latencyMs })
          }}
        />
        <div>
          <Typography id={failureLabelId} variant="body2" gutterBottom>
            {t('qa.failureRate')}:{' '}
            {t('qa.failureRateValue', { percent: Math.round(scenario.failureRate * 100) })}
          </Typography>
          <Slider
            value={Math.round(scenario.failureRate * 100)}
            min={0}
            max={100}
            step={5}
            onChange={(_event, value) => {
              set({ failureRate: (Array.isArray(value) ? (value[0] ?? 0) : value) / 100 })
            }}
            getAriaValueText={(value) => t('qa.failureRateValue', { percent: value })}
            slotProps={{
              input: { 'aria-labelledby': failureLabelId, 'aria-describedby': failureHintId },
            }}
          />
          <FormHelperText id={failureHintId} sx={{ mt: 0 }}>
            {t('qa.failureRateHint')}
          </FormHelperText>
        </div>
        <ToggleRow
          label={t('qa.stuck')}
          hint={`${t('qa.stuckHint')} ${t('qa.queued', { count: queued })}`}
          isChecked={scenario.stuckQueue}
          onChange={(stuckQueue) => {
            set({ stuckQueue })
          }}
        />
        <ToggleRow
          label={t('qa.events')}
          hint={t('qa.eventsHint')}
          isChecked={scenario.eventsEnabled}
          onChange={(eventsEnabled) => {
            set({ eventsEnabled })
          }}
        />
        <NumberDraftField
          label={t('qa.schemaDelay')}
          hint={t('qa.schemaDelayHint')}
          value={scenario.schemaDelayMs}
          min={0}
          max={MAX_MS}
          step={100}
          onChange={(schemaDelayMs) => {
            set({ schemaDelayMs })
          }}
        />
      </Group>

      <Group title={t('qa.network')}>
        <NumberDraftField
          label={t('qa.writeDelay')}
          hint={t('qa.writeDelayHint')}
          value={scenario.writeAnswerDelayMs}
          min={0}
          max={MAX_MS}
          step={100}
          onChange={(writeAnswerDelayMs) => {
            set({ writeAnswerDelayMs })
          }}
        />
        <ToggleRow
          label={t('qa.drop')}
          hint={t('qa.dropHint')}
          isChecked={scenario.dropNextWrite}
          onChange={(dropNextWrite) => {
            set({ dropNextWrite })
          }}
        />
        <ReadErrorsControl
          value={scenario.readErrors}
          onChange={(readErrors) => {
            set({ readErrors })
          }}
        />
      </Group>

      <Group title={t('qa.link')}>
        <ScenarioLink />
        <Button variant="text" onClick={handleDefaults} sx={{ alignSelf: 'flex-start' }}>
          {t('qa.defaults')}
        </Button>
      </Group>

      <Group title={t('qa.data')}>
        <ResetDataButton control={control} />
      </Group>
    </Box>
  )
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId()
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mb: 2 }}>
      <Divider sx={{ mb: 2 }} />
      <Typography
        id={headingId}
        variant="subtitle1"
        component="h3"
        sx={{ fontWeight: 500, mb: 1.5 }}
      >
        {title}
      </Typography>
      <Stack spacing={2.5}>{children}</Stack>
    </Box>
  )
}
