import SearchOutlined from '@mui/icons-material/SearchOutlined'
import InputAdornment from '@mui/material/InputAdornment'
import { memo, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { OutlinedField } from '@/components/outlined-field'

type SearchFieldProps = {
  value: string
  onChange: (text: string) => void
}

/** Free text over summary and notes (memoised: the filter bar re-renders on every change). */
export const SearchField = memo(function SearchField({ value, onChange }: SearchFieldProps) {
  const { t } = useTranslation()

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    onChange(event.target.value)
  }

  return (
    <OutlinedField
      type="search"
      size="small"
      label={t('timeline.filters.search')}
      value={value}
      onChange={handleChange}
      autoComplete="off"
      sx={{ flex: '1 1 240px', minWidth: 0 }}
      startAdornment={
        <InputAdornment position="start">
          <SearchOutlined fontSize="small" />
        </InputAdornment>
      }
    />
  )
})
