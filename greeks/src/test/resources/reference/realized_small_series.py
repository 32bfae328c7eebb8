# Expected values for RealizedVolTest's six-bar series, by the textbook formulas applied directly
# to each window (no running sums): window 3, 365 periods per year.
import numpy as np
O=np.array([100,102.5,100.5,105.5,103.5,108.5]); H=np.array([103,104,106,107,109,110.0])
L=np.array([99,100,100,103,102,105.0]); C=np.array([102,101,105,104,108,107.0])
N=3; P=365
o,h,l,c=map(np.log,(O,H,L,C))
r=np.diff(c)
def show(name, vals): print(name, ', '.join(repr(float(v)) for v in vals))
show('cc', [np.sqrt(np.var(r[i-N:i],ddof=1)*P) for i in range(N,6)])
show('pk', [np.sqrt(np.mean((h-l)[i-N+1:i+1]**2)/(4*np.log(2))*P) for i in range(N-1,6)])
show('gk', [np.sqrt(np.mean(0.5*(h-l)[i-N+1:i+1]**2-(2*np.log(2)-1)*(c-o)[i-N+1:i+1]**2)*P) for i in range(N-1,6)])
rst=(h-c)*(h-o)+(l-c)*(l-o)
show('rs', [np.sqrt(np.mean(rst[i-N+1:i+1])*P) for i in range(N-1,6)])
k=0.34/(1.34+(N+1)/(N-1)); on=o[1:]-c[:-1]; oc=c[1:]-o[1:]
show('yz', [np.sqrt((np.var(on[i-N:i],ddof=1)+k*np.var(oc[i-N:i],ddof=1)+(1-k)*np.mean(rst[i-N+1:i+1]))*P) for i in range(N,6)])
lam=(N-1)/(N+1); s=np.mean(r[:N]**2); out=[s]
for t in range(N+1,6): s=lam*s+(1-lam)*r[t-1]**2; out.append(s)
show('ewma_rolling', np.sqrt(np.array(out)*P))
lam=0.9; s=r[0]**2; out=[s]
for t in range(2,6): s=lam*s+(1-lam)*r[t-1]**2; out.append(s)
show('ewma_0.9', np.sqrt(np.array(out)*P))
