import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Result } from 'antd'
import { Translation } from 'react-i18next'

interface State {
  error: Error | null
}

/** A page that throws breaks its own tab only, never the whole workspace. */
export class PaneErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('page crashed', error, info.componentStack)
  }

  override render() {
    if (!this.state.error) return this.props.children
    return (
      <Translation>
        {(t) => <Result status="error" title={t('app.crashed')} subTitle={t('app.crashedHint')} extra={<code>{this.state.error?.message}</code>} />}
      </Translation>
    )
  }
}
