import { CallbackDeliveriesPanel } from './CallbackDeliveriesPanel'
import { ServiceCertificatesPanel } from './ServiceCertificatesPanel'

/** Renders the console panels that a first look at the phone does not need. */
export function LaterPanels() {
  return (
    <>
      <ServiceCertificatesPanel />
      <CallbackDeliveriesPanel />
    </>
  )
}
