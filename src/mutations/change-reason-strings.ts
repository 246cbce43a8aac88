import { addLazyStrings } from '@/lib/i18n'
import { changeReasonEn } from '@/lib/locales/change-reason-en'
import { changeReasonNl } from '@/lib/locales/change-reason-nl'

// Why a change failed: shown only for journal entries, which exist only once the engine runs,
// so the strings come with the engine (imported by journal.ts) and are there before any entry
// is (decision 0029).
addLazyStrings({ en: { changeReason: changeReasonEn }, nl: { changeReason: changeReasonNl } })
