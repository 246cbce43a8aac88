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
import {
  useMockScenario,
  type MockControlPort,
  type MockScenario,
  type ScenarioControl,
} from '@/config/mock-control'
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
const GROUPS: readonly ScenarioControl['group'][] = ['engine', 'network']

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

      {GROUPS.map((group) => (
        <Group key={group} title={t(`qa.${group}`)}>
          {control.controls
            .filter((setting) => setting.group === group)
            .map((setting) => (
              <SettingControl
                key={setting.field}
                setting={setting}
                scenario={scenario}
                queued={queued}
                onChange={set}
              />
            ))}
        </Group>
      ))}

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

type SettingControlProps = {
  setting: ScenarioControl
  scenario: MockScenario
  queued: number
  onChange: (patch: Partial<MockScenario>) => void
}

/** One scenario setting's control, chosen by the kind its declaration names. */
function SettingControl({ setting, scenario, queued, onChange }: SettingControlProps) {
  const { t } = useTranslation()
  const { field } = setting
  const label = t(`qa.settings.${field}.label`)
  const hint = t(`qa.settings.${field}.hint`)
  const value = scenario[field]
  const patch = (next: MockScenario[typeof field]) => {
    onChange({ [field]: next })
  }
  switch (setting.kind) {
    case 'milliseconds':
      return (
        <NumberDraftField
          label={label}
          hint={hint}
          value={typeof value === 'number' ? value : 0}
          min={0}
          max={MAX_MS}
          step={100}
          onChange={patch}
        />
      )
    case 'rate':
      return (
        <RateSlider
          label={label}
          hint={hint}
          value={typeof value === 'number' ? value : 0}
          onChange={patch}
        />
      )
    case 'switch':
      return (
        <ToggleRow
          label={label}
          hint={field === 'stuckQueue' ? `${hint} ${t('qa.queued', { count: queued })}` : hint}
          isChecked={value === true}
          onChange={patch}
        />
      )
    case 'readErrors':
      return (
        <ReadErrorsControl
          label={label}
          hint={hint}
          value={typeof value === 'object' ? value : null}
          onChange={patch}
        />
      )
  }
}

type RateSliderProps = {
  label: string
  hint: string
  /** 0–1, shown and set in steps of 5 %. */
  value: number
  onChange: (value: number) => void
}

function RateSlider({ label, hint, value, onChange }: RateSliderProps) {
  const { t } = useTranslation()
  const hintId = useId()
  const labelId = useId()
  return (
    <div>
      <Typography id={labelId} variant="body2" gutterBottom>
        {label}: {t('qa.percentValue', { percent: Math.round(value * 100) })}
      </Typography>
      <Slider
        value={Math.round(value * 100)}
        min={0}
        max={100}
        step={5}
        onChange={(_event, next) => {
          onChange((Array.isArray(next) ? (next[0] ?? 0) : next) / 100)
        }}
        getAriaValueText={(percent) => t('qa.percentValue', { percent })}
        slotProps={{ input: { 'aria-labelledby': labelId, 'aria-describedby': hintId } }}
      />
      <FormHelperText id={hintId} sx={{ mt: 0 }}>
        {hint}
      </FormHelperText>
    </div>
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
