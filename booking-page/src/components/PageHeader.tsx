import { useEffect } from 'react'
import type { Branding } from '../api/types'
import { accentApply } from '../branding'

export interface PageHeaderProps {
  readonly title: string
  readonly branding: Branding | null
}

/** The page's title with its branding: logo, short description, accent colour. */
export function PageHeader({ title, branding }: PageHeaderProps) {
  useEffect(() => {
    document.title = title
    accentApply(document.documentElement, branding?.accentColor)
  }, [title, branding])
  return (
    <header className="page-header">
      {branding?.logo ? <img className="logo" src={branding.logo} alt="" /> : null}
      <div>
        <h1>{title}</h1>
        {branding?.description ? <p className="description">{branding.description}</p> : null}
      </div>
    </header>
  )
}
