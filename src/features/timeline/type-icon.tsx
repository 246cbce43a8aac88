import ChatBubbleOutlineOutlined from '@mui/icons-material/ChatBubbleOutlineOutlined'
import EventOutlined from '@mui/icons-material/EventOutlined'
import ForumOutlined from '@mui/icons-material/ForumOutlined'
import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined'
import MailOutlined from '@mui/icons-material/MailOutlined'
import MoreHoriz from '@mui/icons-material/MoreHoriz'
import PersonOutlined from '@mui/icons-material/PersonOutlined'
import PhoneOutlined from '@mui/icons-material/PhoneOutlined'
import ShortcutOutlined from '@mui/icons-material/ShortcutOutlined'
import { foldText } from '@/features/timeline/search-text'

export type TypeIconName =
  | 'phone'
  | 'email'
  | 'in-person'
  | 'introduction'
  | 'conversation'
  | 'event'
  | 'referral'
  | 'other'
  | 'generic'

/**
 * Types are region data (Dutch labels in the known regions, anything in a new one), so the icon
 * is picked by what the label says, first match wins (Kennismakingsgesprek before -gesprek).
 * A type nobody foresaw gets the generic speech bubble.
 */
const RULES: readonly [RegExp, TypeIconName][] = [
  [/telefo|phone|\bbel|call/, 'phone'],
  [/mail/, 'email'],
  [/kennismak|introduc|intake/, 'introduction'],
  [/inschrijv|activiteit|event|registrat|webinar|open ?dag|meetup|bijeenkomst/, 'event'],
  [/doorverwijz|verwijz|referr/, 'referral'],
  [/persoonlijk|in person|bezoek|visit|face/, 'in-person'],
  [/gesprek|advies|meeting|consult|afspraak|appointment/, 'conversation'],
  [/^(anders|overig|other)/, 'other'],
]

export function typeIconName(type: string | undefined): TypeIconName {
  if (type === undefined) return 'generic'
  const label = foldText(type)
  return RULES.find(([pattern]) => pattern.test(label))?.[1] ?? 'generic'
}

const ICONS = {
  phone: PhoneOutlined,
  email: MailOutlined,
  'in-person': PersonOutlined,
  introduction: HandshakeOutlined,
  conversation: ForumOutlined,
  event: EventOutlined,
  referral: ShortcutOutlined,
  other: MoreHoriz,
  generic: ChatBubbleOutlineOutlined,
} as const

type TypeIconProps = {
  type: string | undefined
  fontSize?: 'small' | 'medium' | 'inherit'
}

/** Decorative: the type's name is always written next to it. */
export function TypeIcon({ type, fontSize = 'small' }: TypeIconProps) {
  const name = typeIconName(type)
  const Icon = ICONS[name]
  return <Icon fontSize={fontSize} aria-hidden="true" data-icon={name} />
}
