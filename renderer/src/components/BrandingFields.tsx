import { useId, useState } from 'react'
import type { MasterPage } from '../../../core/src/model/workspace'
import { logoDataUrl } from '../forms/logo-data-url'
import { FieldError } from '../ui/FieldError'

type Branding = NonNullable<MasterPage['branding']>

export interface BrandingFieldsProps {
  readonly branding: Branding
  readonly onChange: (branding: Branding) => void
  /** core's problems under `branding` (`problems.under('branding')`), by field. */
  readonly problemsAt: (field: 'logo' | 'accentColor' | 'description') => readonly string[]
}

/** The booking page's default accent, shown while the page has none of its own. */
const DEFAULT_ACCENT = '#1d4ed8'

/**
 * How the page looks to customers: a logo (uploaded, scaled and stored in the record), an accent
 * colour for buttons and the chosen day, and a short description under the title.
 */
export function BrandingFields({ branding, onChange, problemsAt }: BrandingFieldsProps) {
  const id = useId()
  const [logoProblem, setLogoProblem] = useState<string | null>(null)
  const logo = branding.logo ?? null
  const accent = branding.accentColor ?? null
  return (
    <fieldset>
      <legend>How the booking page looks</legend>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-logo`}>Logo</label>
          {logo ? <img className="logo-preview" src={logo} alt="The page’s logo" /> : null}
          <input
            id={`${id}-logo`}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby={`${id}-logo-help`}
            onChange={(event) => {
              const file = event.target.files?.[0]
              if (!file) return
              void logoDataUrl(file).then((url) => {
                setLogoProblem(url ? null : 'This file is not an image that can be used as a logo')
                if (url) onChange({ ...branding, logo: url })
              })
            }}
          />
          <span className="field-help" id={`${id}-logo-help`}>
            PNG, JPEG or WebP; it is scaled down to fit the page’s header.
          </span>
          {logo ? (
            <button
              type="button"
              className="btn"
              onClick={() => onChange({ ...branding, logo: null })}
            >
              Remove logo
            </button>
          ) : null}
          <FieldError messages={[...(logoProblem ? [logoProblem] : []), ...problemsAt('logo')]} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-accent`}>Accent colour</label>
          <input
            id={`${id}-accent`}
            type="color"
            value={accent ?? DEFAULT_ACCENT}
            aria-describedby={`${id}-accent-help`}
            onChange={(event) => onChange({ ...branding, accentColor: event.target.value })}
          />
          <span className="field-help" id={`${id}-accent-help`}>
            {accent ? `Buttons and the chosen day use ${accent}.` : 'None: the page’s blue.'}
          </span>
          {accent ? (
            <button
              type="button"
              className="btn"
              onClick={() => onChange({ ...branding, accentColor: null })}
            >
              Use the default colour
            </button>
          ) : null}
          <FieldError messages={problemsAt('accentColor')} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Short description</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          maxLength={500}
          value={branding.description ?? ''}
          aria-describedby={`${id}-description-help`}
          onChange={(event) => onChange({ ...branding, description: event.target.value })}
        />
        <span className="field-help" id={`${id}-description-help`}>
          Shown under the title, e.g. what customers can expect. At most 500 characters.
        </span>
        <FieldError messages={problemsAt('description')} />
      </div>
    </fieldset>
  )
}

/** The branding as stored: null when nothing is set; a blank description is none. */
export function brandingStored(branding: Branding): Branding | null {
  const description = branding.description?.trim() || null
  const stored = {
    logo: branding.logo ?? null,
    accentColor: branding.accentColor ?? null,
    description,
  }
  return stored.logo || stored.accentColor || stored.description ? stored : null
}
