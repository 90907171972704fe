s = 'héllo wörld
